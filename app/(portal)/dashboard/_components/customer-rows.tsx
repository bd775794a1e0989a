'use client';

/** One customer as the table shows it: [id, company name, primary domain, relationship label]. */
export type CustomerRowData = readonly [
  id: string,
  name: string,
  domain: string,
  relationship: string,
];

/**
 * The table's body, rendered from plain tuples. As a server component every row's elements were
 * serialized into the page's RSC payload, parsed back for the HTML, and inlined into the page a
 * second time; as one client component only the tuples travel, and the elements are made once.
 * Rows carry no attribute they can do without (the phone layout and the ID's monospace come from
 * the table's CSS by column): every byte here is written 25 to 100 times per page.
 */
export function CustomerRows({ rows }: { rows: readonly CustomerRowData[] }) {
  return (
    <tbody>
      {rows.map(([id, name, domain, relationship]) => (
        <tr key={id}>
          <th scope="row">
            <a href={`/dashboard/customers/${id}`}>{name || '(no name)'}</a>
          </th>
          <td>{domain}</td>
          <td>{relationship}</td>
          <td>{id}</td>
        </tr>
      ))}
    </tbody>
  );
}
