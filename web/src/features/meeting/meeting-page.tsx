import { useEffect, useMemo, useRef, useState } from "react";
import { Link, useParams } from "wouter";
import { isUnauthenticated, messageOf } from "../../api/client.ts";
import { ErrorAlert } from "../../components/alert.tsx";
import { useResource } from "../../lib/use-resource.ts";
import { useTitle } from "../../lib/use-title.ts";
import { useSession } from "../auth/session.tsx";
import { getIncident } from "../incidents/incidents.api.ts";
import { getPostmortem } from "../postmortems/postmortems.api.ts";
import { AgendaList, SectionCountdown, useNow } from "./agenda-list.tsx";
import { AttendeesEditor } from "./attendees-editor.tsx";
import { MeetingControls } from "./meeting-controls.tsx";
import { SectionContent, contentKindOf } from "./section-content.tsx";
import { SectionNotes } from "./section-notes.tsx";
import { meetingModeCalls, useMeetingMode, type MeetingModeCalls } from "./use-meeting-mode.ts";
import { meetingRecordCalls, useMeetingRecord, type MeetingRecordCalls } from "./use-meeting-record.ts";
import "./meeting.css";

/** /incidents/:key/meeting: meeting mode for the review. */
export function MeetingPage() {
  const { key } = useParams<{ key: string }>();
  return <MeetingView key={key} incidentKey={key} />;
}

export interface MeetingViewProps {
  incidentKey: string;
  /** Stand-ins for the API in tests. */
  modeCalls?: MeetingModeCalls;
  recordCalls?: MeetingRecordCalls;
  pollMs?: number;
  now?: () => number;
}

/**
 * The review meeting as the room runs it: the agenda with the current section highlighted and its
 * countdown, what the post-mortem says on that subject, notes per section and the attendees. Editors
 * move the room; every open page follows it within about two seconds.
 */
export function MeetingView({ incidentKey, modeCalls, recordCalls, pollMs, now }: MeetingViewProps) {
  const session = useSession();
  const canEdit = session.can("editor");
  const incident = useResource((signal) => getIncident(incidentKey, signal), [incidentKey]);
  const postmortem = useResource((signal) => getPostmortem(incidentKey, signal), [incidentKey]);
  const modeApi = useMemo(() => modeCalls ?? meetingModeCalls(incidentKey), [modeCalls, incidentKey]);
  const recordApi = useMemo(() => recordCalls ?? meetingRecordCalls(incidentKey), [recordCalls, incidentKey]);
  const room = useMeetingMode(modeApi, { intervalMs: pollMs, now });
  const record = useMeetingRecord(recordApi, { enabled: canEdit });
  const [picked, setPicked] = useState(0);
  const mode = room.mode;
  const clockNow = useNow(mode?.active ?? false, now);
  useTitle(incident.data ? `Meeting ${incident.data.key} ${incident.data.title}` : `Meeting ${incidentKey}`);

  const sections = mode?.agenda.sections ?? [];
  const viewedIndex =
    mode?.active && mode.section ? mode.section.index : Math.min(picked, Math.max(sections.length - 1, 0));
  const viewed = sections[viewedIndex];

  // Someone moved the room or saved notes (the meeting's version moved): read their notes and attendees.
  const recordRef = useRef(record);
  recordRef.current = record;
  const version = mode?.version;
  useEffect(() => {
    const known = recordRef.current.meeting;
    if (version !== undefined && known !== undefined && version !== (known?.version ?? 0)) {
      void recordRef.current.refresh();
    }
  }, [version]);

  // A new section is a new subject: show what the post-mortem says on it now.
  const reloadPostmortem = useRef(postmortem.reload);
  reloadPostmortem.current = postmortem.reload;
  const seen = useRef(viewedIndex);
  useEffect(() => {
    if (seen.current === viewedIndex) return;
    seen.current = viewedIndex;
    void reloadPostmortem.current();
  }, [viewedIndex]);

  // The agenda button pressed becomes the current section's text: keyboard focus follows to its heading.
  const sectionHeading = useRef<HTMLHeadingElement>(null);
  async function goTo(index: number) {
    await room.move("goto", index);
    sectionHeading.current?.focus();
  }

  const loadError = [incident.error, room.loadError, record.loadError].find(
    (e) => e !== undefined && !isUnauthenticated(e),
  );
  const key = encodeURIComponent(incidentKey);

  return (
    <div className="mt-page">
      <div className="page-heading">
        <h1>
          Review meeting <span className="key">{incidentKey}</span> {incident.data?.title}
        </h1>
        <nav aria-label="Meeting" className="mt-links">
          <Link href={`/incidents/${key}/postmortem`}>Back to the post-mortem</Link>
        </nav>
      </div>
      <ErrorAlert>
        {loadError !== undefined && `Could not load the meeting: ${messageOf(loadError)}`}
      </ErrorAlert>
      {!mode ? (
        loadError === undefined && <p className="loading">Loading the meeting…</p>
      ) : (
        <div className="mt-layout">
          <div className="mt-main stack">
            <MeetingControls
              mode={mode}
              canEdit={canEdit}
              moving={room.moving}
              moveError={room.moveError}
              onMove={(action) => void room.move(action)}
            />
            {viewed && (
              <section aria-labelledby="mt-section-heading" className="mt-section stack">
                <p className="hint mt-section-kicker">
                  {mode.active
                    ? `Now: section ${viewedIndex + 1} of ${sections.length}`
                    : `Section ${viewedIndex + 1} of ${sections.length}, before the meeting`}
                </p>
                <h2 id="mt-section-heading" ref={sectionHeading} tabIndex={-1}>
                  {viewed.title}
                </h2>
                <SectionCountdown mode={mode} receivedAt={room.receivedAt} now={clockNow} />
                <div className="mt-content">
                  <SectionContent
                    key={viewed.key}
                    incidentKey={incidentKey}
                    kind={contentKindOf(viewed)}
                    postmortem={postmortem.data}
                  />
                </div>
                {record.meeting !== undefined && (
                  // Keyed: when the room moves on, typing must not carry on into the next section's notes.
                  <SectionNotes key={viewed.key} section={viewed} record={record} canEdit={canEdit} />
                )}
              </section>
            )}
          </div>
          <div className="mt-side stack">
            <section aria-labelledby="mt-agenda-heading" className="stack">
              <h2 id="mt-agenda-heading">Agenda</h2>
              <AgendaList
                mode={mode}
                viewedIndex={viewedIndex}
                onView={setPicked}
                onGoto={canEdit ? (index) => void goTo(index) : undefined}
                moving={room.moving}
              />
            </section>
            {record.meeting !== undefined && (
              <AttendeesEditor
                attendees={record.meeting?.attendees ?? []}
                canEdit={canEdit}
                onAdd={record.addAttendee}
                onRemove={record.removeAttendee}
              />
            )}
          </div>
        </div>
      )}
    </div>
  );
}
