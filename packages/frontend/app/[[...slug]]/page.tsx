import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { getPage } from '../../lib/get-page';
import { hubUrlFromEnv } from '../../lib/hub-url';
import { storeSession } from '../../lib/store-session';
import { PageRenderer } from '../../renderer/PageRenderer';
import { tastics } from '../../tastics/registry';

export const dynamic = 'force-dynamic';

interface RouteProps {
  params: Promise<{ slug?: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

async function load({ params, searchParams }: RouteProps) {
  const { slug } = await params;
  const path = `/${(slug ?? []).map((part) => encodeURIComponent(decodeURIComponent(part))).join('/')}`;
  const rawQuery = await searchParams;
  const query = Object.fromEntries(Object.entries(rawQuery).filter((entry): entry is [string, string | string[]] => entry[1] !== undefined));
  // A cookie that is not a token is no session, as in the browser; a token this process has since replaced
  // (two form posts at once, stored in the wrong order) is read as its newest successor.
  const sessionToken = await storeSession.sessionToken();
  return loadOnce(path, JSON.stringify(query), sessionToken);
}

// Metadata and the page itself share one hub call per request.
const loadOnce = cache((path: string, query: string, sessionToken: string | undefined) =>
  getPage({ endpoint: hubUrlFromEnv(), path, query: JSON.parse(query) as Record<string, string | string[]>, sessionToken }),
);

export async function generateMetadata(props: RouteProps): Promise<Metadata> {
  const result = await load(props);
  return result.kind === 'page' && result.page.pageFolder.name !== undefined ? { title: result.page.pageFolder.name } : {};
}

export default async function CatchAllPage(props: RouteProps) {
  const result = await load(props);
  if (result.kind === 'not-found') notFound();
  if (result.kind === 'redirect') redirect(result.redirect.target);
  return <PageRenderer page={result.page} registry={tastics} />;
}
