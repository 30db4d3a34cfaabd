import type { DemoStory } from "../demo-story.ts";
import { cardPaymentsDeclined } from "./card-payments-declined.ts";
import { cartErrorsUsEast } from "./cart-errors-us-east.ts";
import { ciKeyExposed } from "./ci-key-exposed.ts";
import { dashboardsBlank } from "./dashboards-blank.ts";
import { euGateway503 } from "./eu-gateway-503.ts";
import { invoicesSentTwice } from "./invoices-sent-twice.ts";
import { ordersDbDiskFull } from "./orders-db-disk-full.ts";
import { pushWrongLocale } from "./push-wrong-locale.ts";
import { recommendationsSlow } from "./recommendations-slow.ts";
import { searchIndexStale } from "./search-index-stale.ts";
import { signInMailDelayed } from "./sign-in-mail-delayed.ts";
import { thumbnailsMissing } from "./thumbnails-missing.ts";

/** Every demo incident, oldest first, so incident keys follow the calendar. */
export const DEMO_STORIES: readonly DemoStory[] = [
  cardPaymentsDeclined,
  searchIndexStale,
  invoicesSentTwice,
  euGateway503,
  signInMailDelayed,
  ordersDbDiskFull,
  ciKeyExposed,
  dashboardsBlank,
  pushWrongLocale,
  recommendationsSlow,
  thumbnailsMissing,
  cartErrorsUsEast,
];
