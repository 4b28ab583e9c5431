// GraphQL operations for a cycle's workflow settings: what its next run starts under, and changing them.
import { graphql } from '../../gql';

/** The fields the settings section shows, shared by the query and the mutation's answer. */
export const WorkflowSettingsFields = graphql(`
  fragment WorkflowSettingsFields on WorkflowSettings {
    cycleId
    sampleSize
    rfiDueDays
    phases {
      phase
      compensation
      allowedCompensations
      slaHours
      slaWarningPercent
      maxReviewRounds
      overridden
    }
  }
`);

export const WorkflowSettingsQuery = graphql(`
  query WorkflowSettings($cycleId: ID) {
    workflowSettings(cycleId: $cycleId) {
      ...WorkflowSettingsFields
    }
  }
`);

export const UpdateWorkflowSettingsMutation = graphql(`
  mutation UpdateWorkflowSettings($cycleId: ID, $input: WorkflowSettingsInput!) {
    updateWorkflowSettings(cycleId: $cycleId, input: $input) {
      ...WorkflowSettingsFields
    }
  }
`);
