/*
 * Word classes the language rules reason with. They are classes of meaning (who can act, which acts
 * cause harm, which words judge), not phrases to find: a rule fires on how they combine in a sentence.
 */

const set = (words: string) => new Set(words.trim().split(/\s+/));

/** Nouns naming a person by their role, or a group of people. */
export const ROLE_NOUNS = set(`
  engineer engineers developer developers dev devs operator operators admin admins administrator
  administrators sysadmin sysadmins dba dbas sre sres devops on-call oncall on-caller responder responders
  reviewer reviewers approver approvers contractor contractors intern interns person people persons
  individual team teams teammate teammates colleague colleagues staff employee employees manager managers
  lead leads analyst analysts architect architects tester testers qa ops commander commanders
  someone somebody anyone anybody everyone everybody whoever folks folk member members coder coders programmer
  programmers technician technicians author authors owner owners maintainer maintainers newcomer
  newcomers hire hires new-hire squad crew user-support human humans he she they him her them i you me
  cto ceo vp director directors consultant consultants vendor-engineer
`);

/** Heads that are people only when a modifier says so ("support agent", not "datadog agent"). */
export const HUMAN_IF_MODIFIED = set(`agent agents shift shifts`);
export const HUMAN_MODIFIERS = set(
  `support service sales human field night day early late morning evening weekend on-call`,
);

/** Pronouns that stand for people (not "it"). */
export const PERSON_PRONOUNS = set(`he she they him her them i you someone somebody everyone everybody`);

/** The writers themselves: owning a mistake as a team is how blameless reviews are written. */
export const FIRST_PERSON = set(`we us our ourselves`);

/** Acts that cause a change in a system: harmful when the sentence says so (wrong object, accident, no test). */
export const CHANGE_VERBS = set(`
  push pushed ran run executed execute deployed deploy merged merge shipped ship applied apply typed type
  deleted delete dropped drop removed remove truncated truncate wiped wipe destroyed destroy changed change
  modified modify edited edit configured configure set disabled disable enabled enable introduced
  introduce broke break approved approve committed commit wrote write restarted restart rebooted reboot
  power-cycled power-cycle cycled killed kill terminated terminate released release upgraded upgrade
  bumped bump rotated rotate overrode override forced force overwrote overwrite left leave made make
  started start stopped stop updated update migrated migrate renamed rename moved move scaled scale
  installed install uninstalled uninstall patched patch triggered trigger launched launch created create
  used use chose choose picked pick selected select granted grant opened open exposed expose shared
  share uploaded upload copied copy pasted paste cleaned clean purged purge reset
`);

/** Acts that are in themselves a lapse when a person is the subject. */
export const LAPSE_VERBS = set(`
  forgot forget forgets neglected neglect ignored ignore ignores overlooked overlook skipped skip bypassed
  bypass disregarded disregard panicked panic misread misconfigured mistyped misjudged miscalculated
  misunderstood misinterpreted fat-fingered botched rushed ignoring skipping bypassing overlooking neglecting
  disregarding
`);

/** Things whose destruction is harm in itself ("dropped the orders table", "wiped the volume"). */
export const DATA_OBJECTS = set(`
  table tables database databases db dbs namespace namespaces cluster clusters bucket buckets volume volumes
  index indexes indices records rows data backup backups snapshot snapshots repository repositories repo
  repos schema schemas keyspace topic topics queue queues disk disks partition partitions
`);
export const DESTRUCTIVE_VERBS = set(`dropped deleted truncated wiped destroyed purged overwrote erased`);

/** Secrets: sharing or committing one is a harmful act ("shared the admin password over chat"). */
export const SECRET_OBJECTS = set(
  `password passwords credential credentials secret secrets token tokens key keys api-key`,
);
export const SHARING_VERBS = set(
  `shared posted pasted committed pushed emailed sent leaked exposed published uploaded printed logged`,
);

/** What a person "did not" / "failed to" do that makes the sentence about their diligence. */
export const DILIGENCE_VERBS = set(`
  read check verify validate test follow review notice escalate update confirm look consult wait ask
  tell inform communicate monitor watch respond acknowledge answer see double-check investigate
  rollback roll revert back document announce coordinate listen pay use run report raise renew rotate
`);

/** Remedial or neutral incident work: a person doing these is doing their job. */
export const REMEDIAL_OBJECTS = set(
  `fix fixes hotfix patch rollback revert workaround mitigation correction remediation`,
);

/** Adjectives that make the object of an act the problem ("a broken config", "the wrong rack"). */
export const HARMFUL_ADJECTIVES = set(`
  broken bad wrong faulty incorrect buggy untested unreviewed invalid corrupt corrupted malformed risky
  dangerous destructive unsafe erroneous defective unapproved unvetted
`);

/** Adverbs saying an act was a mistake. */
export const MISTAKE_ADVERBS = set(`
  accidentally mistakenly inadvertently unintentionally wrongly incorrectly carelessly blindly hastily
  recklessly unknowingly erroneously negligently sloppily
`);

/** Safeguards whose absence ("without testing") makes an act a lapse. */
export const SAFEGUARDS =
  /^(test\w*|check\w*|review\w*|approv\w*|ci|verif\w*|validat\w*|scrutiny|permission|consult\w*|ask\w*|tell\w*|read\w*|back\w*|a|any|prior|proper|peer|warn\w*|notif\w*|coordinat\w*|sign-?off|care|think\w*|look\w*|wait\w*|staging|canary|dry-run|confirm\w*|telling|informing|announc\w*)$/;

/** Words after "without" that are not safeguards ("without downtime", "without a deploy"). */
export const NOT_SAFEGUARDS = set(
  `downtime impact deploy deploys deployment restart restarts interruption outage errors loss`,
);

/** Judgement words: they judge a person or their work, never describe a system. */
export const JUDGEMENT =
  /\b(careless(ly|ness)?|negligen(t|ce|tly)|sloppy|sloppi(ly|ness)|irresponsib(le|ly|ility)|incompeten(t|ce|cy)|arrogan(t|ce|tly)|reckless(ly|ness)?|blindly|laz(y|iness)|stupid(ity)?|dumb|foolish(ly|ness)?|idiot(ic|s)?|clueless|inept(itude)?|unprofessional|lackadaisical|slapdash|half-assed|cowboy)\b/i;

/** Idioms that judge ("dropped the ball", "asleep at the wheel"). */
export const JUDGEMENT_IDIOMS =
  /\b(dropped the ball|drop(s|ping)? the ball|mess(ed|es|ing)? (it |things |this )?up|screw(ed|s|ing)? (it |this )?up|asleep at the (wheel|switch)|fell asleep|(silly|stupid|dumb|rookie|careless|obvious|basic|schoolboy|amateur) (mistake|error|blunder)s?|fat[- ]finger(ed|ing)?|(lack|lacked|lacking) (of )?(care|attention|diligence|discipline|ownership|professionalism|competence|judgement|judgment)|(not|wasn't|weren't|were not|was not) (paying attention|thinking)|(is|are|was|were) to blame|blame (lies|lay|rests) with|should(n't| not)? have known|should've known|(made|make|making) (a|an|the)( \w+)? (mistake|error|typo|blunder))\b/i;

/** "human error" and its kin: a person as the cause, named as a category. */
export const HUMAN_ERROR =
  /\b(human|operator|user|engineer|manual|personnel|people|pilot|staff) (error|mistake|failure|fault)s?\b/i;

/** Words before "human error" that mean the sentence is about removing the chance of it. */
export const GUARDS_AGAINST =
  /\b(avoid|avoids|prevent|prevents|reduce|reduces|eliminate|eliminates|remove|removes|risk of|chance of|prone to|against|minimi[sz]e)\b[^.]*$/i;

/** Well-known systems whose names are capitalised like people's. */
export const SYSTEM_NAMES = set(`
  terraform kafka kubernetes prometheus grafana jenkins flux argo argocd helm nginx postgres postgresql redis
  mysql mongodb elasticsearch kibana fluentd fluentbit concourse pingdom datadog sentry vault consul
  docker aws azure gcp github gitlab circleci travis slack pagerduty opsgenie cloudflare cloudwatch lambda
  route53 dynamodb rabbitmq zookeeper cassandra istio linkerd envoy traefik velero karpenter cert-manager
  alertmanager thanos loki tempo jaeger spinnaker ansible puppet chef salt packer nomad okta auth0
  auth openvpn calico coredns kube-proxy kops eks gke aks rds ec2 s3 iam sqs sns
`);
