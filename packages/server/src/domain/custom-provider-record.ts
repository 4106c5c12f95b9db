/** An environment's custom provider as stored: its definition document, parsed but not defaulted. */
export interface CustomProviderRecord {
  id: string;
  environment_id: string;
  slug: string;
  definition: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}
