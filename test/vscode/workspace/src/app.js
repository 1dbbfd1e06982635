const express = require('express');
const app = express();

app.get('/secret', (req, res) => {
  res.status(403).json({ error: 'forbidden' });
});

app.get('/old', (req, res) => {
  res.status(305).end();
});
