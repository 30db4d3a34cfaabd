import type { Rule } from "../rule.ts";
import { actionItemDue } from "./action-item-due.ts";
import { actionItemOverload } from "./action-item-overload.ts";
import { actionItemOwner } from "./action-item-owner.ts";
import { blameLanguage } from "./blame-language.ts";
import { missingSection } from "./missing-section.ts";
import { noMeeting } from "./no-meeting.ts";
import { shallowAnalysis } from "./shallow-analysis.ts";
import { shallowWhys } from "./shallow-whys.ts";
import { singleRootCause } from "./single-root-cause.ts";
import { timeline } from "./timeline.ts";
import { vagueActionItem } from "./vague-action-item.ts";

/** Every rule, in the order of RULE_IDS. */
export const RULES: Rule[] = [
  blameLanguage,
  shallowAnalysis,
  vagueActionItem,
  actionItemOwner,
  actionItemDue,
  actionItemOverload,
  singleRootCause,
  shallowWhys,
  missingSection,
  timeline,
  noMeeting,
];
