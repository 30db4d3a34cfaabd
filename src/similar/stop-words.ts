import { eng } from "stopword";

// English function words and light verbs that the `stopword` package's short list misses.
const ENGLISH = [
  "a able above across again against ago almost along already although always among amount anyone",
  "anything approximately around away back became become becomes began behind below beside besides",
  "beyond cannot certain come comes could did does doing done during e.g either else enough",
  "especially etc even ever every everyone everything few further gave give given gives go goes",
  "going gone got gotten however i.e instead it's its itself just keep keeps kept know known later",
  "least less let lot lots made mainly makes making may maybe meant mostly near nearly need needed",
  "needs neither new next no non none nor not nothing off often once one ones onto others otherwise",
  "ours ourselves part per perhaps place put quite rather re really saw say says see seem seemed",
  "seems seen several shall she so somehow someone something sometimes somewhat soon take taken",
  "takes taking therefore thing things though three thus together took toward towards two unless",
  "unlike until upon us use used uses using usually various via want wanted went whatever when",
  "whenever whether whilst whole whom whose why will within without yet ran",
].flatMap((line) => line.split(" "));

// Days and months say when, never what.
const CALENDAR = [
  "monday tuesday wednesday thursday friday saturday sunday january february march april june july",
  "august september october november december",
].flatMap((line) => line.split(" "));

// Words every post-mortem writes whatever went wrong: they tell one incident from another no better than
// "the" does. Written for post-mortems in general, not for any one team's template.
const POSTMORTEM = [
  "incident incidents issue issues problem problems team teams user users customer customers client",
  "clients service services impact impacted affected time times minute minutes hour hours day days",
  "week weeks period timeline slack thread channel context summary reported noticed identified",
  "investigated investigation resolved resolution caused causing cause due following resulted",
  "result fix fixed implemented triggered started number work working worked production prod",
  "engineer engineers action actions lesson lessons learned root aware detected detection recovery",
  "declared declare occurs occurred first repaired mitigated acknowledged escalated closed opened",
].flatMap((line) => line.split(" "));

/** Words similarity leaves out: English function words and what every post-mortem says. */
export const STOP_WORDS: ReadonlySet<string> = new Set([...eng, ...ENGLISH, ...CALENDAR, ...POSTMORTEM]);
