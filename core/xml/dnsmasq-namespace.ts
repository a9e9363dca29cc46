// The namespace of libvirt's <dnsmasq:options> extension; its prefix in
// libvirt's output is always 'dnsmasq', whatever prefix the input used.
export const DNSMASQ_NAMESPACE = 'http://libvirt.org/schemas/network/dnsmasq/1.0';
export const DNSMASQ_PREFIX = 'dnsmasq';
