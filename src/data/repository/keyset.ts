/**
 * Pages of rows the gate decides one by one (issue 8): a household's or help request's data items, my
 * file's. Rows are read newest first in batches, each batch after the last row read (keyset), until the
 * page is full, since the gate may leave rows out. Only what the page shows is opened and logged.
 */

/**
 * Fill a page: `read` gives up to `rows` rows after the row `after` (null: from the newest); `decide`
 * gives what the gate decided for a row, or null when it is left out; `add` opens, logs and adds a row
 * the page shows. One more permitted row than the page holds means there is a next page; it is neither
 * opened nor logged. Returns the id of the page's last row when a next page follows, else null.
 */
export async function fillPage<R extends { id: string }, D>(
  read: (after: string | null, rows: number) => Promise<R[]>,
  page: { after: string | null; limit: number; rows: number },
  decide: (row: R) => D | null,
  add: (row: R, decided: D) => void,
): Promise<string | null> {
  let after = page.after;
  let taken = 0;
  let last: string | null = null;
  for (;;) {
    const batch = await read(after, page.rows);
    for (const row of batch) {
      const decided = decide(row);
      if (decided === null) continue;
      if (taken === page.limit) return last;
      add(row, decided);
      taken += 1;
      last = row.id;
    }
    if (batch.length < page.rows) return null;
    after = batch[batch.length - 1]!.id;
  }
}
