import { Option, type Command } from "commander";
import { createApiToken } from "../../users/api-tokens.ts";
import { createUser } from "../../users/manage-users.ts";
import { getUserByEmailOrThrow } from "../../users/user.repository.ts";
import { Roles } from "../../users/user.ts";
import { withCliCtx } from "../context.ts";
import { readStdin } from "../stdin.ts";

export function registerUser(program: Command): void {
  const user = program.command("user").description("manage users");
  user
    .command("create")
    .description("create a user; the password comes from --password-stdin or is generated and printed once")
    .requiredOption("--email <email>", "e-mail address, used to sign in")
    .requiredOption("--name <name>", "display name")
    .addOption(new Option("--role <role>", "what the user may do").choices(Roles).makeOptionMandatory())
    .option("--password-stdin", "read the password from standard input")
    .action(
      async (options: {
        email: string;
        name: string;
        role: (typeof Roles)[number];
        passwordStdin?: boolean;
      }) => {
        const password = options.passwordStdin ? await readStdin("--password-stdin") : undefined;
        const created = await withCliCtx((ctx) =>
          createUser(ctx, { email: options.email, name: options.name, role: options.role, password }),
        );
        console.log(`Created ${created.user.role} ${created.user.email} (id ${created.user.id}).`);
        if (created.generatedPassword) {
          console.log(`Password (shown only now): ${created.generatedPassword}`);
        }
      },
    );
}

export function registerToken(program: Command): void {
  const token = program.command("token").description("manage API tokens");
  token
    .command("create")
    .description("create a bearer token for a user and print it once (only its hash is stored)")
    .requiredOption("--email <email>", "the user the token acts as")
    .option("--name <name>", "a label to recognise the token by", "cli")
    .option("--expires-in-days <days>", "expire the token after this many days", (v) => Number(v))
    .action(async (options: { email: string; name: string; expiresInDays?: number }) => {
      const { secret } = await withCliCtx(async (ctx) => {
        const owner = await getUserByEmailOrThrow(ctx.db, options.email);
        return createApiToken(ctx.db, ctx.clock, owner.id, {
          name: options.name,
          ...(options.expiresInDays !== undefined ? { expiresInDays: options.expiresInDays } : {}),
        });
      });
      // The token alone on stdout, so scripts can capture it: TOKEN=$(hindsight token create --email …)
      console.log(secret);
      console.error(
        "Keep this token secret; it is shown only now. Send it as: Authorization: Bearer <token>",
      );
    });
}
