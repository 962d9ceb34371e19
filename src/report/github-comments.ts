import type { CommentsApi } from './comment.js';

/**
 * CommentsApi over @actions/github's getOctokit, which honours GITHUB_API_URL (GHES) and the
 * runner's proxy settings. Loaded on demand: most steps never comment.
 */
export async function githubComments(token: string, apiUrl?: string): Promise<CommentsApi> {
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(token, apiUrl ? { baseUrl: apiUrl } : {});
  return {
    list: async ({ owner, repo, number }) =>
      octokit.paginate(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: number,
        per_page: 100,
      }),
    create: async ({ owner, repo, number }, body) => {
      await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
    },
    update: async ({ owner, repo }, id, body) => {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body });
    },
  };
}
