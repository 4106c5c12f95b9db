/** One recorded event (§7), its payload parsed. */
export interface StoredEvent {
  id: string;
  environment_id: string;
  event: string;
  organization_id: string | null;
  data: Record<string, unknown>;
  created_at: string;
}
