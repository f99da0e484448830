import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { api, unwrap } from '../api/client';
import { toApiError, type ApiError } from '../api/problem';
import type { Me, MeMembership } from '../api/types';
import {
  forgetUser,
  isExpired,
  renewBeforeExpiry,
  storedUser,
  userManager,
  type SessionUser,
  type SignInState,
} from '../auth/user-manager';

/** Who is signed in: the OIDC user (tokens) and Rowan's view of them (`/api/v1/me`). */
export const useSessionStore = defineStore('session', () => {
  const user = shallowRef<SessionUser | null>(null);
  const me = ref<Me | null>(null);
  const error = shallowRef<ApiError | null>(null);

  const isSignedIn = computed(() => user.value !== null && me.value !== null);
  /** Memberships that still grant something (invited people become active when they first sign in). */
  const memberships = computed<MeMembership[]>(() =>
    (me.value?.memberships ?? []).filter((m) => m.status !== 'revoked'),
  );
  const parentMemberships = computed(() => memberships.value.filter((m) => m.role === 'parent'));
  const isParentOnly = computed(
    () =>
      !me.value?.operator &&
      memberships.value.length > 0 &&
      memberships.value.every((m) => m.role === 'parent'),
  );
  const homePath = computed(() => (isParentOnly.value ? '/parent' : '/'));
  const displayName = computed(() => (me.value ? `${me.value.givenName} ${me.value.familyName}` : ''));

  /** At boot: picks up a session from this tab's storage, if there is one (without the OIDC library). */
  async function restore(): Promise<void> {
    const stored = storedUser();
    user.value = stored && (!isExpired(stored) || stored.refresh_token) ? stored : null;
    if (user.value) {
      renewBeforeExpiry(user.value);
      await loadMe();
    }
  }

  async function loadMe(): Promise<void> {
    error.value = null;
    try {
      me.value = await unwrap(api().GET('/api/v1/me'));
    } catch (e) {
      me.value = null;
      error.value = toApiError(e);
    }
  }

  /** Loads the OIDC library while the sign-in page is read, so that its button answers at once. */
  function prepareSignIn(): void {
    void userManager().catch(() => undefined);
  }

  async function signIn(returnTo?: string): Promise<void> {
    const state: SignInState = returnTo ? { returnTo } : {};
    await (await userManager()).signinRedirect({ state });
  }

  /** Finishes the redirect back from the issuer and says where to go next. */
  async function completeSignIn(): Promise<string> {
    const signedIn = await (await userManager()).signinRedirectCallback();
    user.value = signedIn;
    await loadMe();
    if (!me.value) {
      return '/sign-in';
    }
    const returnTo = (signedIn.state as SignInState | undefined)?.returnTo;
    return returnTo && isAllowedReturn(returnTo) ? returnTo : homePath.value;
  }

  async function signOut(): Promise<void> {
    const idToken = user.value?.id_token;
    clearLocal();
    try {
      const um = await userManager();
      await um.removeUser();
      await um.signoutRedirect(idToken ? { id_token_hint: idToken } : {});
    } catch {
      // No end-session endpoint, or no library: the local session is gone, which is what matters.
      await forgetUser();
      window.location.assign('/sign-in');
    }
  }

  function clearLocal(): void {
    user.value = null;
    me.value = null;
  }

  /** The API said 401: forget the tokens in this tab; the next sign-in starts afresh. */
  async function expire(): Promise<void> {
    clearLocal();
    await forgetUser();
  }

  function isAllowedReturn(path: string): boolean {
    if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/auth/')) {
      return false;
    }
    return isParentOnly.value ? path.startsWith('/parent') : true;
  }

  return {
    user,
    me,
    error,
    isSignedIn,
    memberships,
    parentMemberships,
    isParentOnly,
    homePath,
    displayName,
    restore,
    loadMe,
    prepareSignIn,
    signIn,
    completeSignIn,
    signOut,
    expire,
  };
});
