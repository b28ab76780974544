import { OPERATOR_SCOPES } from '../../gateway';
import { sessionResetRefusal, SESSION_RESETS_OFF_TEXT } from './session-reset';

test('/oc_new is answered with the setting to enable unless the link asks for operator.admin', () => {
  expect(sessionResetRefusal('oc_new', OPERATOR_SCOPES)).toBe(SESSION_RESETS_OFF_TEXT);
  expect(SESSION_RESETS_OFF_TEXT).toContain('Allow session resets');
  expect(sessionResetRefusal('oc_new', [...OPERATOR_SCOPES, 'operator.admin'])).toBeUndefined();
  expect(sessionResetRefusal('oc_status', OPERATOR_SCOPES)).toBeUndefined();
});
