'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useSWRConfig } from 'swr';
import { onSessionEvent, type SessionEndReason } from '../lib/session-channel';
import { followSessionEndsElsewhere } from '../lib/session-end';
import { onSessionNews } from '../lib/session-news';
import { ACCOUNT_PATH, SIGNED_OUT } from '../lib/shop-types';

const NOTICES: Record<SessionEndReason, string> = {
  expired: 'Your sign-in has expired: you are shopping as a guest now. Sign in again to continue.',
  logout: 'You are signed out.',
};

/**
 * Keeps this tab in step with the session it shares with the other tabs. Every SWR key of the app is
 * an action path, so all of them depend on the session:
 * - another tab wrote the session, or the server did for a form sent without JavaScript: fetch them again
 *   (cart count, cart, account) and re-render the server tastics, without a reload;
 * - the session ended here or elsewhere: the account is signed out, every other cache is dropped and
 *   fetched again (an empty cart), and the server tastics re-render for a guest.
 */
export function SessionSync() {
  const { mutate } = useSWRConfig();
  const router = useRouter();
  const [notice, setNotice] = useState<{ reason: SessionEndReason; elsewhere: boolean } | undefined>();

  useEffect(() => {
    const stopFollowing = followSessionEndsElsewhere();
    const unsubscribe = onSessionEvent((event, elsewhere) => {
      if (event.kind === 'changed') {
        if (!elsewhere) return;
        void mutate(() => true);
        setNotice(undefined);
      } else {
        void mutate(ACCOUNT_PATH, SIGNED_OUT, { revalidate: false });
        void mutate((key) => key !== ACCOUNT_PATH, undefined, { revalidate: true });
        if (event.reason === 'expired' || elsewhere) setNotice({ reason: event.reason, elsewhere });
      }
      router.refresh();
    });
    // A write the server made outside the queue (a form sent from a tab without JavaScript) is told by a cookie.
    const stopListening = onSessionNews(() => {
      void mutate(() => true);
      router.refresh();
    });
    return () => {
      unsubscribe();
      stopFollowing();
      stopListening();
    };
  }, [mutate, router]);

  if (notice === undefined) return null;
  return (
    <div className="session-notice container" role="status" data-testid="session-notice" data-reason={notice.reason}>
      <span>{notice.reason === 'logout' && notice.elsewhere ? 'You signed out in another tab.' : NOTICES[notice.reason]}</span>
      <button type="button" className="button link" onClick={() => setNotice(undefined)} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
