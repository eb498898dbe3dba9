// The server's custom requests (see the LSP issue): plain shapes, LSP ranges (0-based, negotiated encoding).

export interface LspPosition {
  line: number;
  character: number;
}
export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

/** `copydesk/entities` → one item per entity, `range` being its defining mention. */
export interface EntityInfo {
  name: string;
  type: string;
  range: LspRange;
  /** How many times the article mentions it. */
  mentions: number;
  roles: string[];
}

/** `copydesk/documentInfo` → counts for the status bar. */
export interface DocumentInfo {
  entities: number;
  attributions: number;
  unsourced: number;
  findings: number;
  version: number | null;
}

export const ENTITIES_REQUEST = "copydesk/entities";
export const DOCUMENT_INFO_REQUEST = "copydesk/documentInfo";

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The status bar text for an article's counts. */
export function describeCounts(info: DocumentInfo): string {
  return [plural(info.entities, "entity", "entities"), plural(info.attributions, "attribution"), `${info.unsourced} unsourced`].join(" · ");
}
