import type { Migration } from "kysely";
import * as createUsersAndAuth from "./2026-11-30T0900-create-users-and-auth.ts";
import * as createIncidentsAndTimeline from "./2026-11-30T0910-create-incidents-and-timeline.ts";
import * as createPostmortems from "./2026-11-30T0920-create-postmortems.ts";
import * as createActionItems from "./2026-11-30T0930-create-action-items.ts";
import * as addImportProvenance from "./2026-11-30T0940-add-import-provenance.ts";
import * as addReviewProcess from "./2026-11-30T0950-add-review-process.ts";
import * as addExternalVersions from "./2026-11-30T0960-add-external-versions.ts";
import * as addSearchIndex from "./2026-11-30T0970-add-search-index.ts";
import * as addSearchFacetWalk from "./2026-11-30T0980-add-search-facet-walk.ts";

/** Every migration, in the order it runs. Add new ones at the end; never edit a released one. */
export const migrations: Record<string, Migration> = {
  "2026-11-30T0900-create-users-and-auth": createUsersAndAuth,
  "2026-11-30T0910-create-incidents-and-timeline": createIncidentsAndTimeline,
  "2026-11-30T0920-create-postmortems": createPostmortems,
  "2026-11-30T0930-create-action-items": createActionItems,
  "2026-11-30T0940-add-import-provenance": addImportProvenance,
  "2026-11-30T0950-add-review-process": addReviewProcess,
  "2026-11-30T0960-add-external-versions": addExternalVersions,
  "2026-11-30T0970-add-search-index": addSearchIndex,
  "2026-11-30T0980-add-search-facet-walk": addSearchFacetWalk,
};
