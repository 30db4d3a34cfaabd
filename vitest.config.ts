import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// Two projects, one `npm test`: the server and CLI in Node, the web app's components in happy-dom.
export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: "server", include: ["src/**/*.test.ts", "test/**/*.test.ts"] },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: "web",
          include: ["web/src/**/*.test.{ts,tsx}"],
          environment: "happy-dom",
          setupFiles: ["web/src/test/setup.ts"],
        },
      },
    ],
  },
});
