export { recordAudit } from './audit.service';
export type { AuditedChange } from './audit.service';
