// GraphQL operations for the viewer's in-app notifications: the unread count, the latest ones, marking them read.
import { graphql } from '../../gql';

export const UnreadNotificationCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

export const NotificationsQuery = graphql(`
  query Notifications($first: Int, $unread: Boolean) {
    notifications(first: $first, unread: $unread) {
      totalCount
      nodes {
        id
        kind
        subject
        body
        link
        createdAt
        readAt
      }
    }
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);
