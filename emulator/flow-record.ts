/** A flow as Flows keeps it. */
export interface FlowRecord {
  id: string;
  title: string;
  subtitle: string;
  description: string;
  keywords: string[];
  /** The state machine, in the Flows definition language. */
  definition: Record<string, unknown>;
  /** JSON Schema the input of every run must meet. */
  inputSchema: Record<string, unknown>;
  /** A client id of this emulator, or an identity outside it. */
  ownerId: string;
  /** `public`: every caller sees it; `private`: only its owner. */
  visibility: 'public' | 'private';
  createdAt: number;
}
