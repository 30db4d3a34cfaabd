import { render, screen } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/client.ts";
import { SignInForm } from "./sign-in-form.tsx";

function setup(signIn: (email: string, password: string) => Promise<unknown>) {
  const onSignedIn = vi.fn();
  render(<SignInForm signIn={signIn} onSignedIn={onSignedIn} />);
  return {
    onSignedIn,
    user: userEvent.setup(),
    email: screen.getByLabelText("Email"),
    password: screen.getByLabelText("Password"),
    button: screen.getByRole("button", { name: "Sign in" }),
  };
}

describe("SignInForm", () => {
  it("signs in with the e-mail and password typed", async () => {
    const signIn = vi.fn().mockResolvedValue({});
    const { user, email, password, onSignedIn } = setup(signIn);
    await user.type(email, " sam@example.com ");
    await user.type(password, "correct horse battery{Enter}");
    expect(signIn).toHaveBeenCalledWith("sam@example.com", "correct horse battery");
    expect(onSignedIn).toHaveBeenCalledOnce();
  });

  it("announces wrong credentials, keeps the e-mail and clears the password", async () => {
    const signIn = vi.fn().mockRejectedValue(new ApiError(401, { detail: "e-mail or password is wrong" }));
    const { user, email, password, button, onSignedIn } = setup(signIn);
    await user.type(email, "sam@example.com");
    await user.type(password, "wrong password");
    await user.click(button);
    expect((await screen.findByRole("alert")).textContent).toBe(
      "That e-mail and password do not match an account.",
    );
    expect(email).toHaveProperty("value", "sam@example.com");
    expect(password).toHaveProperty("value", "");
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it("names the missing fields without calling the server", async () => {
    const signIn = vi.fn();
    const { user, button, email } = setup(signIn);
    await user.click(button);
    expect(screen.getByRole("alert").textContent).toBe("Enter your e-mail and password.");
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Enter your e-mail.")).toBeTruthy();
    expect(signIn).not.toHaveBeenCalled();
  });

  it("says when too many attempts were made", async () => {
    const signIn = vi.fn().mockRejectedValue(new ApiError(429, { detail: "too many attempts" }));
    const { user, email, password } = setup(signIn);
    await user.type(email, "sam@example.com");
    await user.type(password, "anything{Enter}");
    expect((await screen.findByRole("alert")).textContent).toContain("wait a minute");
  });
});
