/**
 * One conversation on the desk, on its own page or beside the inbox: the thread on the patient's
 * channel with the sentences behind each tag highlighted, the history of who did what (only what the
 * person's scope allows), tag corrections, who else is here, and the channel-aware composer. Each
 * part is a component of its own ({@link org.heard.desk.conversation.ConversationPanel} puts them
 * together).
 */
package org.heard.desk.conversation;
