import { type ResultOf, graphql } from "../graphql";

/** Who is signed in, as the shells show them (the contract's viewer query, plus branding). */
export const ViewerQuery = graphql(`
  query ShellViewer {
    viewer {
      id
      name
      email
      kind
      staffRole
      clientRole
      partner { id name }
      client { id name logoUrl branding { primaryColor accentColor logoUrl } }
      impersonation {
        actorName
        expiresAt
        subject { subjectType subjectName }
      }
    }
  }
`);

export type TViewer = NonNullable<ResultOf<typeof ViewerQuery>["viewer"]>;
