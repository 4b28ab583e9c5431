// Names for the inbox query's task and test case types.
import type { InboxTasksQuery } from '../gql/graphql';

export type InboxTask = InboxTasksQuery['tasks']['nodes'][number];
export type InboxTestCase = InboxTask['testCases'][number];
