import { useState, type FormEvent } from "react";
import { ApiError, messageOf } from "../../api/client.ts";
import { ROLES, type Role } from "../../api/types.ts";
import { ErrorAlert } from "../../components/alert.tsx";
import { Dialog } from "../../components/dialog.tsx";
import { SelectField, TextField } from "../../components/field.tsx";
import { asSentence } from "../../lib/as-sentence.ts";
import { createUser, type CreatedUser, type CreateUserInput } from "./admin.api.ts";
import { ROLE_HINTS, ROLE_LABELS } from "./labels.ts";

const MIN_PASSWORD = 12;

export interface AddUserDialogProps {
  open: boolean;
  onClose(): void;
  onCreated(created: CreatedUser): void;
  /** The server call; replaced in tests. */
  create?: (input: CreateUserInput) => Promise<CreatedUser>;
}

type Field = "name" | "email" | "role" | "password";
type Errors = Partial<Record<Field | "form", string>>;

/** Name, e-mail, role and an optional password; without one the server generates it. */
export function AddUserDialog({ open, onClose, onCreated, create = createUser }: AddUserDialogProps) {
  return (
    <Dialog title="Add user" open={open} onClose={onClose}>
      <AddUserForm onCancel={onClose} onCreated={onCreated} create={create} />
    </Dialog>
  );
}

function AddUserForm({
  onCancel,
  onCreated,
  create,
}: {
  onCancel(): void;
  onCreated(created: CreatedUser): void;
  create: (input: CreateUserInput) => Promise<CreatedUser>;
}) {
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Errors = {
      name: name.trim() ? undefined : "Give the user a name.",
      email: email.trim() ? undefined : "Give the user's e-mail address.",
      password:
        password === "" || password.length >= MIN_PASSWORD
          ? undefined
          : `Use at least ${MIN_PASSWORD} characters, or leave it empty to generate one.`,
    };
    if (found.name || found.email || found.password) {
      setErrors({ ...found, form: "Correct the fields marked below." });
      return;
    }
    setBusy(true);
    try {
      const input: CreateUserInput = { name: name.trim(), email: email.trim(), role };
      if (password) input.password = password;
      onCreated(await create(input));
    } catch (caught) {
      setBusy(false);
      const apiError = caught instanceof ApiError ? caught : undefined;
      const field = (path: Field) => asSentence(apiError?.fieldError(path));
      setErrors({
        name: field("name"),
        email: field("email"),
        role: field("role"),
        password: field("password"),
        form: messageOf(caught),
      });
    }
  }

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <ErrorAlert>{errors.form}</ErrorAlert>
      <TextField
        label="Name"
        value={name}
        required
        maxLength={200}
        autoFocus
        autoComplete="off"
        error={errors.name}
        onChange={(event) => setName(event.target.value)}
      />
      <TextField
        label="Email"
        type="email"
        value={email}
        required
        maxLength={254}
        autoComplete="off"
        error={errors.email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <SelectField
        label="Role"
        value={role}
        description={ROLE_HINTS[role]}
        options={ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))}
        error={errors.role}
        onChange={(event) => setRole(event.target.value as Role)}
      />
      <TextField
        label="Password"
        type="password"
        value={password}
        autoComplete="new-password"
        description={`Optional: at least ${MIN_PASSWORD} characters. Leave it empty and Hindsight generates one, shown to you once.`}
        error={errors.password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Adding…" : "Add user"}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
