/** The customer list's skeleton, shown while this instance fetches the list's first page. */
export function CustomerListSkeleton() {
  return (
    <main aria-busy="true">
      <h1>Customers</h1>
      <p className="progress" role="status">
        <span className="spinner" aria-hidden="true" /> Loading customers…
      </p>
      <table>
        <tbody>
          {Array.from({ length: 8 }, (_, i) => (
            <tr key={i}>
              <td>
                <div className="skeleton" />
              </td>
              <td>
                <div className="skeleton" />
              </td>
              <td>
                <div className="skeleton" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
