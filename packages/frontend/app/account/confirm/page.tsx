import type { Metadata } from 'next';
import { ConfirmAccountForm } from '../../../components/ConfirmAccountForm';

export const metadata: Metadata = {
  title: 'Confirm your account',
  // The link's token is in this page's address: no other site gets it as a Referer. (Not 'no-referrer': that
  // makes the form's Origin "null", and Next.js refuses a Server Action from an origin it cannot check.)
  referrer: 'same-origin',
};

/**
 * The page a confirmation mail links to (`/account/confirm?token=…`). It only renders the form: confirming is
 * a session write (it signs the shopper in), and a Server Component cannot store one. The form's Server
 * Action does it.
 */
export default async function ConfirmAccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  return (
    <main className="section section-main">
      <div className="container">
        <ConfirmAccountForm token={typeof token === 'string' ? token : ''} />
      </div>
    </main>
  );
}
