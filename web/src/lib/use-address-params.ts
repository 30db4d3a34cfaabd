import { useSearchParams } from "wouter";

/** Sets the given address parameters (an empty or undefined value removes one), keeping the others. */
export type ChangeAddressParams<Name extends string> = (
  changes: Partial<Record<Name, string | undefined>>,
) => void;

/** The address's query parameters and a function that changes some of them, for filters kept in the address. */
export function useAddressParams<Name extends string>(): [URLSearchParams, ChangeAddressParams<Name>] {
  const [params, setParams] = useSearchParams();
  const change: ChangeAddressParams<Name> = (changes) => {
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [name, value] of Object.entries<string | undefined>(changes)) {
        if (value) next.set(name, value);
        else next.delete(name);
      }
      return next;
    });
  };
  return [params, change];
}
