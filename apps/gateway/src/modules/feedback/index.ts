// Feedback module: the SKM survey and IKM, citizens' staff ratings, the SKM report (GraphQL and
// CSV) and the closed loop of improvement actions.
import './feedback.js';
import './feedback-improvement.js';
