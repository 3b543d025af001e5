import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="section section-main">
      <div className="container">
        <h1>Page not found</h1>
        <p>
          There is no page here. <Link href="/">Back to the shop</Link>
        </p>
      </div>
    </main>
  );
}
