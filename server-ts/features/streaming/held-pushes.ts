// Held pushes are kept in the KV store as well as in memory: when the process that holds one
// dies mid-stream, the node that finishes the post from the gateway's history (recovery) sends
// it with the answer instead of losing it. Records expire on their own after the longest hold.
import { z } from 'zod';
import { check, GobError } from '../../mattermost/gob';
import { PushNotificationType, type PushNotification } from '../../mattermost/model/push';
import { decodeJson, encodeJson } from '../conversations/kv';
import { keysWithPrefix, type JournalPort } from './journal';

export const HELD_PREFIX = 'oc-push:';
const ID = /^[a-z0-9]{26}$/;
const HeldRecord = z.object({ userId: z.string().regex(ID), notification: z.record(z.string(), z.unknown()) });

export interface HeldPush {
  notification: PushNotification;
  userId: string;
}

export interface HeldPushStore {
  save(postId: string, push: HeldPush, expireSeconds: number): Promise<void>;
  drop(postId: string, userId: string): Promise<void>;
  /** Removes and returns every push held for `postId`, by any process. */
  take(postId: string): Promise<HeldPush[]>;
}

const keyOf = (postId: string, userId: string) => `${HELD_PREFIX}${postId}:${userId}`;

export class KvHeldPushes implements HeldPushStore {
  constructor(private readonly kv: JournalPort) {}

  async save(postId: string, push: HeldPush, expireSeconds: number): Promise<void> {
    await this.kv.kvSetWithOptions(keyOf(postId, push.userId), encodeJson(push), { ExpireInSeconds: expireSeconds });
  }

  drop(postId: string, userId: string): Promise<void> {
    return this.kv.kvDelete(keyOf(postId, userId));
  }

  async take(postId: string): Promise<HeldPush[]> {
    // Listed in full before any delete: deleting shifts the pages.
    const keys = await keysWithPrefix(this.kv, `${HELD_PREFIX}${postId}:`);
    const out: HeldPush[] = [];
    for (const key of keys) {
      const rec = decodeJson(HeldRecord, await this.kv.kvGet(key));
      await this.kv.kvDelete(key);
      const notification = rec && asNotification(rec.notification);
      if (rec && notification && key === keyOf(postId, rec.userId)) out.push({ notification, userId: rec.userId });
    }
    return out;
  }
}

function asNotification(value: unknown): PushNotification | undefined {
  try {
    return check(PushNotificationType, value);
  } catch (err) {
    if (err instanceof GobError) return undefined;
    throw err;
  }
}
