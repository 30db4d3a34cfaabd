import type { ReactNode } from "react";

/** An error announced as soon as it appears (role=alert); renders nothing without a message. */
export function ErrorAlert({ children }: { children: ReactNode }) {
  if (children === undefined || children === null || children === false || children === "") return null;
  return (
    <p role="alert" className="alert">
      {children}
    </p>
  );
}

/** A polite status line (saving…, saved) that screen readers read without interrupting. */
export function StatusLine({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="status-line">
      {children}
    </p>
  );
}
