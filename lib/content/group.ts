import type { Area } from "./schema";
import type { Catalogue, Entry } from "./entry";

export type AreaGroup = { area: Area; entries: Entry[] };

/** Areas in order with their entries (already ranked); empty areas are left out. */
export function groupByArea(catalogue: Pick<Catalogue, "areas" | "entries">): AreaGroup[] {
  return catalogue.areas
    .map((area) => ({ area, entries: catalogue.entries.filter((entry) => entry.area === area.id) }))
    .filter((group) => group.entries.length > 0);
}
