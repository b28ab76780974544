// Per-stream-direction table of the sender's type definitions. Definitions received while
// decoding a value that later turns out to continue in a message not yet received are
// journaled, so the retry can receive them again without tripping the duplicate check.
import { GobError } from './errors';
import { childIds, FIRST_USER_ID, ID_INTERFACE, isBuiltinId, type WireType } from './wire-types';

export class TypeTable {
  private readonly types = new Map<number, WireType>();
  private journaling = false;
  private journal: number[] | undefined;

  get(id: number): WireType | undefined {
    return this.types.get(id);
  }

  get size(): number {
    return this.types.size;
  }

  define(id: number, wt: WireType): void {
    if (id < FIRST_USER_ID || this.types.has(id)) throw new GobError('duplicate type received');
    this.types.set(id, wt);
    if (this.journaling) (this.journal ??= []).push(id);
  }

  // Most values define no types, so the journal itself is only made on the first definition.
  begin(): void {
    this.journaling = true;
  }

  commit(): void {
    this.journaling = false;
    this.journal = undefined;
  }

  rollback(): void {
    for (const id of this.journal ?? []) this.types.delete(id);
    this.commit();
  }

  // Whether a value of this type may hold interface values, the only place where a value can
  // carry type definitions or continue into later messages. A type whose graph is not fully
  // known counts as "may".
  mayHoldInterfaces(id: number): boolean {
    if (id === ID_INTERFACE) return true;
    if (isBuiltinId(id)) return false;
    const seen = new Set<number>([id]);
    const stack = [id];
    while (stack.length > 0) {
      const wt = this.types.get(stack.pop()!);
      if (!wt) return true;
      for (const child of childIds(wt)) {
        if (child === ID_INTERFACE) return true;
        if (isBuiltinId(child) || seen.has(child)) continue;
        seen.add(child);
        stack.push(child);
      }
    }
    return false;
  }

  // Go compiles a decoder for the whole wire type before reading a value, so a value whose
  // type graph mentions an unknown id is rejected even if that part is empty. Iterative, so a
  // hostile chain of thousands of nested definitions cannot exhaust the stack.
  resolve(id: number): WireType | undefined {
    if (isBuiltinId(id)) return undefined;
    const root = this.types.get(id);
    if (!root) throw new GobError(`bad data: undefined type id ${id}`);
    if (root.checked) return root;
    const seen = new Set<WireType>([root]);
    const stack: WireType[] = [root];
    while (stack.length > 0) {
      const wt = stack.pop()!;
      for (const child of childIds(wt)) {
        if (isBuiltinId(child)) continue;
        const c = this.types.get(child);
        if (!c) throw new GobError(`bad data: undefined type id ${child} (used by ${wt.name || 'unnamed type'})`);
        if (c.checked || seen.has(c)) continue;
        seen.add(c);
        stack.push(c);
      }
    }
    for (const wt of seen) wt.checked = true;
    return root;
  }
}
