// model.PushNotification: what NotificationWillBePushed hands a plugin and SendPushNotification
// takes. Every field is kept so a hook that changes one field and returns the rest (or sends it
// later) loses nothing; PostType and ChannelType travel in gob although JSON leaves them out.
import { t, type Infer } from '../gob';

export const PushNotificationType = t.struct('PushNotification', () => [
  ['AckId', t.string],
  ['Platform', t.string],
  ['ServerId', t.string],
  ['DeviceId', t.string],
  ['PostId', t.string],
  ['Category', t.string],
  ['Sound', t.string],
  ['Message', t.string],
  ['Badge', t.int],
  ['ContentAvailable', t.int],
  ['TeamId', t.string],
  ['ChannelId', t.string],
  ['RootId', t.string],
  ['ChannelName', t.string],
  ['Type', t.string],
  ['SubType', t.string],
  ['Transport', t.string],
  ['SenderId', t.string],
  ['SenderName', t.string],
  ['OverrideUsername', t.string],
  ['OverrideIconURL', t.string],
  ['FromWebhook', t.string],
  ['Version', t.string],
  ['IsCRTEnabled', t.bool],
  ['IsIdLoaded', t.bool],
  ['PostType', t.string],
  ['ChannelType', t.string],
  ['Signature', t.string],
]);
export type PushNotification = Infer<typeof PushNotificationType>;
