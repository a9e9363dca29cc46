// The tabs of a network's details, in order (arrow keys move along this list).
export const DETAILS_TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'settings', label: 'Settings' },
  { id: 'leases', label: 'Leases' },
  { id: 'ports', label: 'Ports' },
  { id: 'stats', label: 'Statistics' },
  { id: 'terminal', label: 'Terminal' },
  { id: 'xml', label: 'XML' },
] as const;

export type DetailsTab = (typeof DETAILS_TABS)[number]['id'];
