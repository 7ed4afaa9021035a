import type { ReactNode } from 'react';

/** A table with a caption, scrolling sideways on narrow screens instead of the page. */
export function DataTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="kern-table admin-table">
        <caption className="kern-title">{caption}</caption>
        {children}
      </table>
    </div>
  );
}
