/** Skeleton of the customer list while its first page comes from Partner Center. */
export default function Loading() {
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
