import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { Header } from '../components/Header';
import { HubProvider } from '../components/HubProvider';
import { SessionSync } from '../components/SessionSync';
import { headerFallback } from '../lib/header-cart';
import { hubUrlFromEnv } from '../lib/hub-url';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Session Store', template: '%s · Session Store' },
  description: 'A commercetools Frontend store whose session handling is correct by construction.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

// HUB_URL is read per request, so one production build runs against any hub.
export const dynamic = 'force-dynamic';

export default async function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <HubProvider hubUrl={hubUrlFromEnv()} fallback={await headerFallback()}>
          <Header />
          <SessionSync />
          <div className="page">{children}</div>
          <footer className="site-footer">
            <div className="container">Session Store · a commercetools Frontend demo running on the local API hub</div>
          </footer>
        </HubProvider>
      </body>
    </html>
  );
}
