/** An ARM resource body exactly as ARM returns it (never reshaped); unknown fields are kept. */
export interface ArmResource {
  id: string;
  name: string;
  type: string;
  location?: string;
  etag?: string;
  sku?: Record<string, unknown>;
  tags?: Record<string, string>;
  properties?: Record<string, unknown>;
  [extra: string]: unknown;
}
