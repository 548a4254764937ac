/**
 * Work plans (G6): task timing (overdue, due soon, done late), what a progress update does to a task, target
 * evaluation, and the seed plan of Zhoushan 2019 as the document gives it.
 */
export * from './workplan-rules';
export * from './zhoushan-2019-plan';
