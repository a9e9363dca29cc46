// host/doctor: what stops a network from doing what its mode promises, and the fixes Switchyard can apply.
export {
  type Finding,
  formatReport,
  type HealthReport,
  healthReport,
  type RepairAction,
} from './health-report.js';
export { repairHost } from './repair.js';
export { type DoctorOptions, runDoctor } from './run-doctor.js';
