// The Trellis realtime demo page (docs/demo.md): plain DOM code, no framework, no build.
// It signs in through the identity REST operations, then uses the chat room socket and the live
// poll socket exactly as any client would (docs/realtime.md): the access token goes in the
// WebSocket subprotocols ["trellis.v1", "bearer.<token>"].
"use strict";

const API = "/api/v1";
const state = { token: null, me: null, room: null, lastMessageId: 0, poll: null };
const sockets = { chat: null, poll: null };

const $ = (id) => document.getElementById(id);

function say(where, text, isError = false) {
  const line = $(where);
  line.textContent = text;
  line.classList.toggle("error", isError);
}

// --- REST --------------------------------------------------------------------------------------

async function api(method, path, body) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (state.token) headers.Authorization = `Bearer ${state.token}`;
  const response = await fetch(API + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const why = data && (data.detail || data.title);
    throw new Error(`${response.status}: ${why || response.statusText}`);
  }
  return data;
}

// Runs an action from a button, showing its error (a problem's detail) in a status line.
function guarded(where, action) {
  return async (event) => {
    if (event) event.preventDefault();
    say(where, "");
    try {
      await action();
    } catch (error) {
      say(where, error.message, true);
    }
  };
}

// --- WebSockets: one per panel, reconnecting with backoff -------------------------------------

// Close codes after which reconnecting cannot help (docs/realtime.md, "Close codes").
const FINAL_CLOSES = new Set([4401, 4403, 4404, 1007, 1009]);

function connect(kind, pathFor, onMessage, badgeId) {
  disconnect(kind);
  const entry = { closed: false, delay: 500, socket: null };
  sockets[kind] = entry;
  const badge = $(badgeId);
  const open = () => {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const socket = new WebSocket(`${scheme}://${location.host}${API}${pathFor()}`, [
      "trellis.v1",
      `bearer.${state.token}`,
    ]);
    entry.socket = socket;
    socket.onopen = () => {
      entry.delay = 500;
      badge.textContent = "live";
      badge.classList.add("live");
    };
    socket.onmessage = (event) => onMessage(JSON.parse(event.data));
    socket.onclose = (event) => {
      badge.classList.remove("live");
      if (entry.closed) return;
      if (FINAL_CLOSES.has(event.code)) {
        badge.textContent = `closed (${event.code} ${event.reason})`;
        return;
      }
      // 4000 (resync) reconnects at once; anything else after a growing, jittered pause.
      const wait = event.code === 4000 ? 0 : entry.delay * (0.5 + Math.random());
      entry.delay = Math.min(entry.delay * 2, 30000);
      badge.textContent = "reconnecting";
      entry.timer = setTimeout(open, wait);
    };
  };
  open();
  return entry;
}

function disconnect(kind) {
  const entry = sockets[kind];
  if (!entry) return;
  entry.closed = true;
  clearTimeout(entry.timer);
  if (entry.socket) entry.socket.close(1000);
  sockets[kind] = null;
}

function send(kind, message) {
  const entry = sockets[kind];
  if (!entry || !entry.socket || entry.socket.readyState !== WebSocket.OPEN) {
    throw new Error("Not connected yet, try again in a moment.");
  }
  entry.socket.send(JSON.stringify(message));
}

// --- account -----------------------------------------------------------------------------------

async function signIn(email, password) {
  const pair = await api("POST", "/identity/tokens", { grant_type: "PASSWORD", email, password });
  state.token = pair.access_token;
  state.me = await api("GET", "/identity/users/me");
  $("me-name").textContent = state.me.display_name;
  $("me-id").textContent = state.me.id;
  $("signed-out").hidden = true;
  $("signed-in").hidden = false;
  $("apps").hidden = false;
  say("account-status", "");
}

async function signUp(email, password, displayName) {
  await api("POST", "/identity/users", { email, password, display_name: displayName });
  await signIn(email, password);
}

function randomWord() {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function signOut() {
  disconnect("chat");
  disconnect("poll");
  Object.assign(state, { token: null, me: null, room: null, lastMessageId: 0, poll: null });
  $("signed-out").hidden = false;
  $("signed-in").hidden = true;
  $("apps").hidden = true;
  $("room").hidden = true;
  $("poll").hidden = true;
}

// --- chat --------------------------------------------------------------------------------------

function showRoom(room) {
  state.room = room;
  state.lastMessageId = 0;
  $("messages").replaceChildren();
  $("room-name-shown").textContent = room.name;
  $("room-id").textContent = room.id;
  $("room").hidden = false;
  // ?after=<last id seen>: the stored history first, then live messages, without gap or repeat.
  connect("chat", () => `/chat/rooms/${room.id}/socket?after=${state.lastMessageId}`,
    onChatEvent, "room-socket");
  clearInterval(state.heartbeat);
  state.heartbeat = setInterval(() => {
    const entry = sockets.chat;
    if (entry && entry.socket && entry.socket.readyState === WebSocket.OPEN) {
      entry.socket.send(JSON.stringify({ type: "heartbeat" }));
    }
  }, 20000);
}

function onChatEvent(event) {
  if (event.type === "message.created") {
    const message = event.message;
    if (message.id <= state.lastMessageId) return;
    state.lastMessageId = message.id;
    const item = document.createElement("li");
    const author = document.createElement("span");
    author.className = "author";
    author.textContent = message.author_id === state.me.id ? "you" : message.author_id.slice(0, 8);
    const body = document.createElement("span");
    body.className = "body";
    body.textContent = message.body;
    item.append(author, body);
    $("messages").append(item);
    item.scrollIntoView({ block: "nearest" });
  } else if (event.type === "error") {
    say("chat-status", event.detail, true);
  } else if (event.type === "presence") {
    say("chat-status", `${event.user_id.slice(0, 8)} is ${event.online ? "online" : "offline"}`);
  } else if (event.type === "typing") {
    say("chat-status", `${event.user_id.slice(0, 8)} is typing…`);
  }
}

// --- live poll -------------------------------------------------------------------------------

function showPoll(poll) {
  state.poll = poll;
  $("poll-question-shown").textContent = poll.question;
  $("poll-id").textContent = poll.id;
  const list = $("poll-options-list");
  list.replaceChildren();
  for (const option of poll.options) {
    const item = document.createElement("li");
    item.dataset.optionId = option.id;
    const text = document.createElement("span");
    text.className = "text";
    text.textContent = option.text;
    const votes = document.createElement("span");
    votes.className = "votes";
    votes.textContent = "–";
    const vote = document.createElement("button");
    vote.type = "button";
    vote.className = "vote";
    vote.textContent = "Vote";
    vote.addEventListener("click", guarded("poll-status", async () => {
      await api("PUT", `/polls/${poll.id}/my-ballot`, { option_ids: [option.id] });
      say("poll-status", `You voted for ${option.text}.`);
    }));
    item.append(text, votes, vote);
    list.append(item);
  }
  showResults(poll.results, poll.status);
  $("poll").hidden = false;
  connect("poll", () => `/livepolls/${poll.id}/socket`, onPollEvent, "poll-socket");
}

function showResults(results, status) {
  if (status) $("poll-state").textContent = status === "OPEN" ? "" : `(${status.toLowerCase()})`;
  if (!results) {
    $("poll-ballots").textContent = "hidden until the poll closes";
    return;
  }
  $("poll-ballots").textContent = String(results.ballots);
  for (const count of results.options) {
    const item = $("poll-options-list").querySelector(`li[data-option-id="${count.option_id}"]`);
    if (item) item.querySelector(".votes").textContent = String(count.votes);
  }
}

function onPollEvent(event) {
  if (event.type === "snapshot") showResults(event.results, event.status);
  else if (event.type === "update") showResults(event.results);
  else if (event.type === "closed") showResults(event.results, "CLOSED");
}

// --- wiring ----------------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", () => {
  $("sign-in-form").addEventListener("submit", guarded("account-status", () =>
    signIn($("email").value, $("password").value)));
  $("sign-up").addEventListener("click", guarded("account-status", () =>
    signUp($("email").value, $("password").value, $("display-name").value || $("email").value)));
  $("demo-user").addEventListener("click", guarded("account-status", () => {
    const word = randomWord();
    return signUp(`demo-${word}@example.com`, `demo-${randomWord()}`, `Demo ${word.slice(0, 4)}`);
  }));
  $("sign-out").addEventListener("click", signOut);

  $("room-create-form").addEventListener("submit", guarded("chat-status", async () => {
    showRoom(await api("POST", "/chat/rooms", { name: $("room-name").value }));
  }));
  $("room-open-form").addEventListener("submit", guarded("chat-status", async () => {
    const id = $("room-id-input").value.trim();
    showRoom(await api("GET", `/chat/rooms/${encodeURIComponent(id)}`));
  }));
  $("member-form").addEventListener("submit", guarded("chat-status", async () => {
    const id = $("member-id").value.trim();
    await api("PUT", `/chat/rooms/${state.room.id}/members/${encodeURIComponent(id)}`);
    say("chat-status", "Member added.");
    $("member-id").value = "";
  }));
  $("message-form").addEventListener("submit", guarded("chat-status", () => {
    send("chat", { type: "message", body: $("message-body").value });
    $("message-body").value = "";
  }));

  $("poll-create-form").addEventListener("submit", guarded("poll-status", async () => {
    const options = $("poll-options").value.split(",").map((text) => text.trim()).filter(Boolean);
    showPoll(await api("POST", "/polls", { question: $("poll-question").value, options }));
  }));
  $("poll-open-form").addEventListener("submit", guarded("poll-status", async () => {
    const id = $("poll-id-input").value.trim();
    showPoll(await api("GET", `/polls/${encodeURIComponent(id)}`));
  }));
});
