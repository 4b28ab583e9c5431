// GraphQL operations for signing in and reading the signed-in user.
import { graphql } from '../../gql';

export const LoginMutation = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      token
      user {
        id
        username
        displayName
        role
      }
    }
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      id
      username
      displayName
      role
    }
  }
`);
