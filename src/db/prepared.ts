import type { Compilable, CompiledQuery } from "kysely";
import type { Executor } from "./connect.ts";

/**
 * A query of fixed shape for hot read paths: Kysely builds and compiles it once per database handle,
 * and later calls only bind new parameters. `params` must list every parameter of the query in order;
 * a mismatch is caught when the query is first compiled.
 */
export function preparedQuery<P extends unknown[], R>(build: (db: Executor, ...params: P) => Compilable<R>) {
  const compiled = new WeakMap<Executor, CompiledQuery<R>>();
  return async (db: Executor, ...params: P): Promise<R[]> => {
    let query = compiled.get(db);
    if (!query) {
      query = build(db, ...params).compile();
      if (query.parameters.length !== params.length) {
        throw new Error(`prepared query takes ${query.parameters.length} parameters, not ${params.length}`);
      }
      compiled.set(db, query);
    }
    const result = await db.executeQuery<R>({ ...query, parameters: params });
    return result.rows;
  };
}
