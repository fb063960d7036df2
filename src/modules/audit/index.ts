export { DELETED_ACTOR_LABEL, forgetAuditActor, recordAudit } from './audit.service';
export type { AuditedChange } from './audit.service';
export { auditModule } from './audit.module';
