// Agent.backups arrives with the MSP360 plugin; until the schema has it, say what is missing.
export function BackupState(_props: { agentId: string }) {
  return <span className="ui-muted">Not monitored</span>;
}
