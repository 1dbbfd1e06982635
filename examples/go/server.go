// Package main serves a small payments API with net/http.
package main

import (
	"encoding/json"
	"net/http"
)

func payment(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		json.NewEncoder(w).Encode(map[string]string{"id": r.PathValue("id")})
	case http.MethodDelete:
		w.WriteHeader(http.StatusNoContent)
	default:
		w.Header().Set("Allow", "GET, DELETE")
		w.WriteHeader(http.StatusMethodNotAllowed)
	}
}

func checkout(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") == "" {
		w.Header().Set("WWW-Authenticate", `Bearer realm="payments"`)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	// Card declined: some gateways use 402, ours invented 460.
	w.WriteHeader(460)
}

func main() {
	http.HandleFunc("/payments/{id}", payment)
	http.HandleFunc("/checkout", checkout)
	http.ListenAndServe(":8080", nil)
}
