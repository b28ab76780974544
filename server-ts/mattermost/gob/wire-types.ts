// The receiver's view of a type, as described by the sender's wireType messages. Ids are
// chosen by the sender per process, so they only mean something within one stream direction.
import type { OpaqueKind } from './values';

export const ID_BOOL = 1;
export const ID_INT = 2;
export const ID_UINT = 3;
export const ID_FLOAT = 4;
export const ID_BYTES = 5;
export const ID_STRING = 6;
export const ID_COMPLEX = 7;
export const ID_INTERFACE = 8;
export const FIRST_USER_ID = 64;
// Go's typeId is an int32.
export const MAX_TYPE_ID = 0x7fffffff;

export interface WireField {
  readonly name: string;
  readonly id: number;
}

interface WireBase {
  readonly name: string;
  // Set once every type reachable from this one is known to be defined (see TypeTable).
  checked?: boolean;
}

export type WireType =
  | (WireBase & { readonly kind: 'array'; readonly elem: number; readonly len: number })
  | (WireBase & { readonly kind: 'slice'; readonly elem: number })
  | (WireBase & { readonly kind: 'struct'; readonly fields: readonly WireField[] })
  | (WireBase & { readonly kind: 'map'; readonly key: number; readonly elem: number })
  | (WireBase & { readonly kind: 'opaque'; readonly opaque: OpaqueKind });

export function isBuiltinId(id: number): boolean {
  return id >= ID_BOOL && id <= ID_INTERFACE;
}

export function childIds(wt: WireType): number[] {
  switch (wt.kind) {
    case 'array':
    case 'slice':
      return [wt.elem];
    case 'map':
      return [wt.key, wt.elem];
    case 'struct':
      return wt.fields.map((f) => f.id);
    case 'opaque':
      return [];
  }
}
