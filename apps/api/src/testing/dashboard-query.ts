/** The partner dashboard's query: clients with their sites, agents and active alerts. */
export const DASHBOARD_QUERY = `
  query Dashboard {
    clients(first: 100) {
      totalCount
      edges {
        node {
          id
          name
          sites(first: 10) { edges { node { id name } } }
          agents(first: 50) { totalCount edges { node { id hostname status lastSeenAt } } }
          alerts(first: 20, status: ACTIVE) { totalCount edges { node { id severity message createdAt } } }
        }
      }
    }
  }
`;
